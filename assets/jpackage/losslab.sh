#!/bin/sh
# LossLab's start script (bin/losslab in the app image): runs the app, or a command given as arguments, with
# the image's own Java runtime and the options and class path of jpackage's launcher (lib/app/LossLab.cfg).
# It starts 0.2 s sooner than bin/LossLab, which asks rpm and dpkg which package owns it on every start.
# It also keeps the AppCDS archive valid wherever the image lives: the archive written at package time
# names the image's folder, so an image that moved (an installed .deb) gets its own archive, written
# under ~/.cache/losslab when the app's first run ends (not a command's: its classes are not the app's)
# and used from the next start on.
here=$(dirname "$(readlink -f "$0")")
image=$(dirname "$here")
app="$image/lib/app"
cfg="$app/LossLab.cfg"
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$cfg" | grep -v SharedArchiveFile | sed "s|\\\$APPDIR|$app|g")
archive="$app/losslab.jsa"
if [ -s "$archive" ] && [ "$(cat "$archive.path" 2>/dev/null)" = "$app" ]; then
    share="-XX:SharedArchiveFile=$archive"
else
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/losslab"
    key=$(printf '%s %s' "$app" "$(stat -c %Y "$app/losslab.jar")" | cksum | cut -d' ' -f1)
    archive="$cache/losslab-$key.jsa"
    if [ -s "$archive" ]; then
        share="-XX:SharedArchiveFile=$archive"
    else
        case "${1:-app}" in
            app | *.json) mkdir -p "$cache" 2>/dev/null && share="-XX:ArchiveClassesAtExit=$archive" ;;
        esac
    fi
fi
if [ $# -eq 0 ]; then
    set -- app
fi
# shellcheck disable=SC2086 # the options are single words
exec "$image/lib/runtime/bin/java" $share $options -cp "$classpath" org.losslab.cli.Main "$@"
