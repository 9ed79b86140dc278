"""What pyproject.toml cannot say: the top-level maps/ and assets/ folders ship as package data.

They stay where they are in the checkout and install as the data packages `kiosk.shipped.maps`
and `kiosk.shipped.assets` (kiosk/shipped finds them with importlib.resources). Every file in
them goes in (MANIFEST.in grafts both folders), so a new venue, level or extension file needs no
change here; their sub-folders are listed as packages so that setuptools installs them as such.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA_FOLDERS = {"kiosk.shipped.maps": "maps", "kiosk.shipped.assets": "assets"}


def data_packages() -> list[str]:
    packages = []
    for package, folder in DATA_FOLDERS.items():
        packages.append(package)
        packages += [f"{package}.{sub}" for sub in find_namespace_packages(where=folder)]
    return packages


# Folders of data inside the package (the web dashboard's templates and static files) are
# installed as data packages too, so setuptools carries them without warning.
INNER_DATA = [f"kiosk.web.{sub}" for sub in ("templates", "static", "static.vendor")]

setup(
    packages=find_packages(include=["kiosk", "kiosk.*"]) + INNER_DATA + data_packages(),
    package_dir=DATA_FOLDERS,
)
