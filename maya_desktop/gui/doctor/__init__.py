"""The doctor's workstation: case list, photo viewer with landmark correction, findings and report."""
