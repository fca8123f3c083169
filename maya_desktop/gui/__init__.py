"""Qt layer: thin windows and dialogs over maya_desktop.core."""
