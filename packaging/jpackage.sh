#!/usr/bin/env bash
# Builds the Echoic app image and .deb with jpackage; run by `mvn -Dpackage.app package` (see packaging/README.md).
# Usage: packaging/jpackage.sh <target dir> <project version> <java home> [types]
#   types: "app-image deb" (default) or a subset.
set -euo pipefail

target=$(cd "$1" && pwd)
version=${2%%-*}            # jpackage wants plain numbers: 0.1.0-SNAPSHOT -> 0.1.0
java_home=$3
types=${4:-app-image deb}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jpackage="$java_home/bin/jpackage"

[ -x "$jpackage" ] || { echo "jpackage not found in $java_home/bin (a full JDK 17+ is needed)" >&2; exit 1; }
[ -f "$target/echoic.jar" ] || { echo "$target/echoic.jar is missing: run 'mvn package' first" >&2; exit 1; }

out="$target/jpackage"
input="$target/jpackage-input"
modules="$target/jpackage-modules"
rm -rf "$out" "$input" "$modules"
mkdir -p "$out" "$input/lib" "$modules"

# JavaFX's platform jars go on the module path (jlinked into the runtime); its empty shell jars are dropped;
# every other library stays on the class path, where echoic.jar's manifest (Class-Path: lib/...) finds it.
cp "$target/echoic.jar" "$input/"
for jar in "$target"/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$modules/" ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$input/lib/" ;;
  esac
done

common=(--name Echoic --app-version "$version" --vendor "Echoic"
        --description "A workbench for learning the structure of animal vocalizations"
        --copyright "Echoic contributors")

if [[ " $types " == *" app-image "* || " $types " == *" deb "* ]]; then
  "$jpackage" --type app-image "${common[@]}" --dest "$out" \
    --input "$input" --main-jar echoic.jar --main-class org.echoic.Echoic \
    --module-path "$modules" --add-modules ALL-DEFAULT,javafx.controls,javafx.swing \
    --icon "$root/icons/echoic-256.png" \
    --java-options "-Xmx4g"
fi

if [[ " $types " == *" deb "* ]]; then
  "$jpackage" --type deb "${common[@]}" --dest "$out" \
    --app-image "$out/Echoic" --linux-package-name echoic \
    --resource-dir "$here/linux" --icon "$root/icons/echoic-256.png" \
    --linux-shortcut --linux-menu-group "AudioVideo;Audio;Science;" --linux-app-category science \
    --linux-package-deps "libgtk-3-0, libgl1" --linux-deb-maintainer "echoic@users.noreply.github.com"
fi

ls -l "$out"
