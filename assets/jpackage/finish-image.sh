#!/bin/sh
# Finishes the app image after jpackage (mvn -Pimage package runs this): adds the start script bin/losslab
# (assets/jpackage/losslab.sh) and writes the AppCDS archive. For the archive the packaged app is started
# once up to its first frame and the JVM writes the classes it loaded to lib/app/losslab.jsa, which the
# launchers map at start instead of loading and verifying them again (about 0.6 s of a 2.1 s start here);
# lib/app/losslab.jsa.path names the folder it is valid in. It runs with the launcher's own class path and
# options (from its .cfg), as the archive requires. The app needs a screen: the current one, else xvfb-run;
# with neither the image is left without the archive (bin/losslab then writes one on its first run).
set -e
image="$1"
cp "$(dirname "$0")/losslab.sh" "$image/bin/losslab"
chmod 755 "$image/bin/losslab"
app="$image/lib/app"
cfg="$app/LossLab.cfg"
archive="$app/losslab.jsa"
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e SharedArchiveFile -e '^-Xlog')
data=$(mktemp -d)
rm -f "$archive"
# shellcheck disable=SC2086 # the options are single words
set -- "$image/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off $options \
    -Dlosslab.data="$data" -cp "$classpath" org.losslab.cli.Main app --startup-probe
if [ -n "$DISPLAY" ]; then
    timeout 120 "$@" || true
elif command -v xvfb-run >/dev/null 2>&1; then
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$@" || true
else
    echo "cds-archive: no screen and no xvfb-run: the image starts without its AppCDS archive"
fi
rm -rf "$data"
if [ -s "$archive" ]; then
    printf '%s' "$app" > "$archive.path"
    echo "cds-archive: $archive ($(du -k "$archive" | cut -f1) KB)"
else
    rm -f "$archive" "$archive.path"
    echo "cds-archive: the archive was not written; the image starts without it"
fi
