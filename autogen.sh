#!/bin/sh
# Regenerate the build system from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf --install --force
# The TAP test driver ships with automake but is not copied by default.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/
