#!/bin/sh
# Install ccdesk for the current user from this unpacked tarball (no root needed), or remove it again:
#   ./install.sh            copy to ~/.local/opt/ccdesk, link ~/.local/bin/ccdesk, add the menu entry and icons,
#                           and make ccdesk the handler of tel:, callto: and ccdesk: links
#   ./install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/ccdesk
bin=$HOME/.local/bin
schemes="x-scheme-handler/tel x-scheme-handler/callto x-scheme-handler/ccdesk"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/ccdesk" "$data/applications/ccdesk.desktop"
  find "$data/icons/hicolor" \( -name 'ccdesk.png' -o -name 'ccdesk.svg' \) -exec rm -f {} + 2>/dev/null || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
  echo "ccdesk removed (links to tel:/callto:/ccdesk: fall back to the next handler)"
  exit 0
fi

rm -rf "$opt"
mkdir -p "$opt" "$bin" "$data/applications"
cp -R "$here/ccdesk/." "$opt/"
ln -sf "$opt/ccdesk" "$bin/ccdesk"
cp -R "$here/share/icons" "$data/"
# Exec=ccdesk -- %u finds ~/.local/bin/ccdesk through PATH; write the absolute path in case PATH lacks it.
sed "s|^Exec=ccdesk |Exec=$opt/ccdesk |; s|^TryExec=ccdesk$|TryExec=$opt/ccdesk|" \
  "$here/share/applications/ccdesk.desktop" > "$data/applications/ccdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if command -v xdg-mime >/dev/null; then
  for scheme in $schemes; do xdg-mime default ccdesk.desktop "$scheme"; done
fi
echo "ccdesk installed in $opt; run 'ccdesk' (make sure $bin is on PATH) or pick it from the menu"
