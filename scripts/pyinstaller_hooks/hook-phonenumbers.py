# PyInstaller hook for phonenumbers, used instead of pyinstaller-hooks-contrib's (build.spec's hookspath):
# that one lists every submodule as a hidden import, and with the geocoder, carrier and time-zone data left out
# (build.spec: the app only parses and formats Iranian mobile numbers) PyInstaller warned about each of them.
# The region metadata (phonenumbers.data.*, loaded by name at run time) and the short-number data stay.
from PyInstaller.utils.hooks import collect_submodules

NOT_USED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: name.split(".")[1:2] not in ([part] for part in NOT_USED)
)
