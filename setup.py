"""The optional C extension (everything else is in pyproject.toml).

khabar._native holds C versions of the per-token loops in khabar/document.py. It is optional:
without a C compiler the install goes on and khabar runs the identical pure-Python code.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("khabar._native", ["src/khabar/_native.c"], optional=True)])
