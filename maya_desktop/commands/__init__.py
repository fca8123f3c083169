"""Sub-commands of `maya-desktop`. Each module defines `register(subparsers)`; cli.py lists them."""
