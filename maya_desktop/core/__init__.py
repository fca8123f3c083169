"""Qt-free core: storage, crypto, domain rules, analysis, sync. Never import PySide6 here."""
