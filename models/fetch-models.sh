#!/usr/bin/env bash
# Downloads the published ONNX exports that models/models.json pins, into <dir>/clip-vit-base-patch32/ and
# <dir>/musicgen-small/, verifying each file's size and sha256. Run it on a machine with internet; vidscore
# itself never downloads (pass --models <dir> to it afterwards).
#
#   models/fetch-models.sh <dir> [--only clip-vit-base-patch32|musicgen-small] [--pin]
#
# Resumable: a file is downloaded to <file>.part with `curl -C -`, checked, then renamed; run it again after
# an interruption. Files already in place are checked, not downloaded again.
# --pin: models.json has sha256/size null for files whose published values were not known when it was written.
#   Such a file is refused by default. With --pin it is downloaded, and the sha256 and size computed here are
#   written to <dir>/models.lock; later runs verify the file against that lock. Compare the recorded values with
#   the "SHA256" shown on the file's Hugging Face page before trusting them, and add them to models.json.
# VIDSCORE_MODELS_MIRROR=<base>: fetch from <base>/<repo>/resolve/<rev>/<path> instead of https://huggingface.co
#   (a mirror, or file:///path for a local copy).
# Needs: bash, curl, sha256sum (or shasum), python3 (reads models.json).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifest="$here/models.json"
dir=""
only=""
pin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pin) pin=1 ;;
    --only) only="${2:?--only needs a model name}"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "fetch-models: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$dir" ] || { echo "fetch-models: one folder only" >&2; exit 2; }; dir="$1" ;;
  esac
  shift
done
[ -n "$dir" ] || { echo "usage: models/fetch-models.sh <dir> [--only NAME] [--pin]" >&2; exit 2; }
command -v curl >/dev/null || { echo "fetch-models: curl is needed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "fetch-models: python3 is needed to read models.json" >&2; exit 2; }

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}
filesize() { wc -c <"$1" | tr -d ' '; }

mkdir -p "$dir"
lock="$dir/models.lock"
touch "$lock"

# One line per file: folder <TAB> path <TAB> url <TAB> size|- <TAB> sha256|- <TAB> licence
entries="$(python3 - "$manifest" "$only" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
only = sys.argv[2]
found = False
for m in doc["models"]:
    if "folder" not in m or (only and m["name"] != only):
        continue
    found = True
    for f in m["files"]:
        print("\t".join([m["folder"], f["path"], f["url"], str(f["size"]) if f["size"] is not None else "-",
                         f["sha256"] or "-", m["licence"]]))
if not found:
    sys.exit("fetch-models: no model named %r in models.json" % only)
PY
)"

failed=0
last_folder=""
while IFS=$'\t' read -r folder path url size sha licence; do
  if [ "$folder" != "$last_folder" ]; then
    echo "== $folder — licence: $licence"
    last_folder="$folder"
  fi
  dest="$dir/$folder/$path"
  key="$folder/$path"
  if [ -n "${VIDSCORE_MODELS_MIRROR:-}" ]; then
    url="${VIDSCORE_MODELS_MIRROR%/}/${url#https://huggingface.co/}"
  fi
  if [ "$sha" = "-" ]; then
    locked="$(awk -F'\t' -v k="$key" '$1 == k {print $2 "\t" $3}' "$lock")"
    if [ -n "$locked" ]; then
      sha="${locked%%$'\t'*}"
      size="${locked#*$'\t'}"
    elif [ "$pin" -ne 1 ]; then
      echo "  REFUSED $key: models.json has no sha256 for it (not pinned). Re-run with --pin to download it and record its checksum in $lock." >&2
      failed=1
      continue
    fi
  fi
  verify() { # <file>: 0 when it matches the known size and sha256 (or there is nothing known yet)
    local f="$1"
    if [ "$size" != "-" ] && [ "$(filesize "$f")" != "$size" ]; then return 1; fi
    if [ "$sha" != "-" ] && [ "$(sha256 "$f")" != "$sha" ]; then return 1; fi
    return 0
  }
  if [ -f "$dest" ] && [ "$sha" != "-" ] && verify "$dest"; then
    echo "  ok      $key (already there, checksum verified)"
    continue
  fi
  mkdir -p "$(dirname "$dest")"
  echo "  get     $key <- $url"
  if [ -f "$dest.part" ] && [ "$size" != "-" ] && [ "$(filesize "$dest.part")" = "$size" ]; then
    : # complete from an earlier run: only the check is left
  elif ! curl -fL --progress-bar --retry 3 --retry-delay 2 -C - -o "$dest.part" "$url"; then
    if [ ! -s "$dest.part" ] || { [ "$size" = "-" ] && [ "$sha" = "-" ]; } || ! verify "$dest.part"; then
      echo "  FAILED  $key: download failed (run again to resume)" >&2
      failed=1
      continue
    fi
  fi
  if ! verify "$dest.part"; then
    echo "  CORRUPT $key: got $(filesize "$dest.part") bytes, sha256 $(sha256 "$dest.part"); expected size $size, sha256 $sha. Deleted; run again." >&2
    rm -f "$dest.part"
    failed=1
    continue
  fi
  if [ "$sha" = "-" ]; then
    got_sha="$(sha256 "$dest.part")"
    got_size="$(filesize "$dest.part")"
    printf '%s\t%s\t%s\n' "$key" "$got_sha" "$got_size" >>"$lock"
    echo "  PINNED  $key: sha256 $got_sha, $got_size bytes recorded in $lock (check it against the Hugging Face page)"
  fi
  mv -f "$dest.part" "$dest"
  echo "  ok      $key"
done <<<"$entries"

if [ "$failed" -ne 0 ]; then
  echo "fetch-models: some files are missing or were refused (see above)" >&2
  exit 1
fi
echo "done: pass --models $dir to vidscore"
