#!/usr/bin/env bash
# Sign, notarise and package ccdesk.app as a .dmg (run by packaging/build.py on macOS, after the checks):
#   packaging/macos/package.sh dist/ccdesk.app dist/ccdesk-X.Y.Z-macos-ARCH.dmg packaging/macos/entitlements.plist
#
# Signing runs when MACOS_SIGN_IDENTITY is set (a "Developer ID Application: NAME (TEAMID)" identity in a keychain
# on the search list; the workflow imports it into a temporary keychain). PyInstaller has already signed every
# binary inside the app with that identity, the hardened runtime and a secure timestamp (ccdesk.spec passes
# codesign_identity and entitlements_file), so this script signs no nested code and never uses `codesign --deep`
# to sign (Apple, TN2206 and "Signing a Mac Product For Distribution": --deep is for verification only). It
# checks the whole bundle, notarises it when APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD (an app-specific
# password) are set, and staples the ticket. Without them each step is skipped with a warning and the .dmg holds
# an ad-hoc-signed app, which Gatekeeper blocks on other Macs (packaging/README.md says how to open it anyway).
set -euo pipefail
app=$1
dmg=$2
entitlements=$3
identity=${MACOS_SIGN_IDENTITY:-}
warn() { echo "package.sh: WARNING: $*" >&2; }

notarize() {  # $1: a .zip or .dmg; waits for Apple's verdict and fails unless it is Accepted
  local out
  out=$(xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait 2>&1) || true
  echo "$out"
  if ! grep -q "status: Accepted" <<<"$out"; then
    local id
    id=$(awk '/^ *id:/ {print $2; exit}' <<<"$out")
    [ -n "$id" ] && xcrun notarytool log "$id" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" || true
    echo "package.sh: notarisation of $1 failed" >&2
    exit 1
  fi
}

can_notarize=
if [ -n "$identity" ]; then
  # The app bundle itself (its seal over Contents/): the main executable's entitlements, hardened runtime,
  # timestamp. Nested code keeps PyInstaller's per-binary signatures; verification then walks all of it.
  codesign --force --options runtime --timestamp --entitlements "$entitlements" --sign "$identity" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    can_notarize=yes
    zip="${dmg%.dmg}-app.zip"
    ditto -c -k --keepParent "$app" "$zip"   # notarytool takes .zip/.pkg/.dmg, not a bare .app
    notarize "$zip"
    rm -f "$zip"
    xcrun stapler staple "$app"              # the ticket travels with the app, for offline Gatekeeper checks
  else
    warn "APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not set: not notarised (Gatekeeper will block it)"
  fi
else
  warn "MACOS_SIGN_IDENTITY not set: ccdesk.app keeps PyInstaller's ad-hoc signature; not notarised"
fi

# The disk image: the app and a link to /Applications to drag it onto; compressed (UDZO), read-only.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/ccdesk.app"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
# hdiutil fails now and then on CI runners ("Resource busy", error 16) while Spotlight or XProtect scans the
# staging folder: try up to five times, waiting longer each time.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "ccdesk" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"; then
    break
  fi
  if [ "$attempt" = 5 ]; then
    echo "package.sh: hdiutil create failed 5 times" >&2
    exit 1
  fi
  warn "hdiutil create failed (attempt $attempt of 5); trying again in $((attempt * 5)) s"
  sleep $((attempt * 5))
done

if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
  if [ -n "$can_notarize" ]; then
    notarize "$dmg"
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg" || true
  fi
fi
echo "package.sh: $dmg"
