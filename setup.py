"""The one compiled part: the wall's tile scaler (see video/_bilinear.c). Everything else is in pyproject.toml."""

import sys

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "video._bilinear",
            ["video/_bilinear.c"],
            extra_compile_args=[] if sys.platform == "win32" else ["-O3"],
        )
    ]
)
