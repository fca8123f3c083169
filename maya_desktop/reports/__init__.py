"""PDF reports made with Qt's GUI module (QTextDocument + QPdfWriter; no widgets), to bytes in memory.

They live outside `core` because they need Qt; core stores the bytes encrypted (see
`core.orders.findings.store_report_pdf`). Nothing here writes to disk.
"""
