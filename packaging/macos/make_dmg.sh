#!/usr/bin/env bash
# macOS: PyInstaller's Panelbook.app, signed, in a .dmg.  NOT RUN on the project's Linux
# machines; .github/workflows/package.yml runs it on a hosted macOS runner (packaging/README.md).
#
#   bash packaging/macos/make_dmg.sh        # from the repository top, with PyInstaller installed
#
# writes dist/panelbook-VERSION-macos-ARCH.dmg.  With MACOS_SIGNING_IDENTITY set (a "Developer
# ID Application: ..." certificate in the keychain) the app is signed with it and the hardened
# runtime; without, it is signed ad hoc, which runs on the machine that built it but which
# Gatekeeper on another Mac refuses until the user allows it in System Settings > Privacy &
# Security.  Notarising (xcrun notarytool submit --wait, then xcrun stapler staple) needs an
# Apple developer account and is left to whoever holds one.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
version=$($PY -c 'import sys; sys.path.insert(0, "desktop"); import panelbook; print(panelbook.__version__)')
arch=$(uname -m)

$PY packaging/icons.py iconset build/icons/Panelbook.iconset
iconutil -c icns -o build/icons/panelbook.icns build/icons/Panelbook.iconset
$PY -m PyInstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/pyinstaller \
    packaging/panelbook.spec
app=build/dist/Panelbook.app

identity=${MACOS_SIGNING_IDENTITY:--}
if [ "$identity" = "-" ]; then
    codesign --force --deep --sign - "$app"
else
    codesign --force --deep --options runtime --timestamp --sign "$identity" "$app"
fi
codesign --verify --deep --strict "$app"

mkdir -p dist
dmg="dist/panelbook-$version-macos-$arch.dmg"
rm -f "$dmg"
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"      # drag the app onto it to install
hdiutil create -volname "Panelbook $version" -srcfolder "$stage" -format UDZO -ov "$dmg"
rm -rf "$stage"
echo "$dmg"
