# Regression (issue 18.8): writing the config went through a fixed PATH.tmp and followed a
# symlink planted there, overwriting its target. The temporary file is now created fresh
# (mkostemp, O_EXCL, mode 0600), so a planted link is left alone.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
printf 'precious\n' >"$T/target"
ln -s "$T/target" "$CONFIG.tmp"
run config set business.email camille@example.fr
expect_rc 0 "config set works"
check "the link's target is untouched" test "$(cat "$T/target")" = precious
check "the link is still a link" test -L "$CONFIG.tmp"
check "the config has the new value" grep -q 'camille@example.fr' "$CONFIG"
check "the config is readable by its owner only" test "$(stat -c %a "$CONFIG")" = 600
check "no temporary file is left" test -z "$(find "$(dirname "$CONFIG")" -name 'config.toml.??????')"
finish
