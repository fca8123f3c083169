"""Maya Desktop: the clinic workstation that keeps Maya Beauty Collection's privacy promise."""

__version__ = "0.1.0"
