"""Reception and manager order screens (issue 4): list, detail, photo import, dialogs, price rules.

A thin Qt layer over `maya_desktop.core.orders` and `maya_desktop.core.photos`: every decision
(role, state, file access) is made in core; these widgets only ask it and show the answer.
"""
