# pool-reduce's interestingness test for test/Tools/pool-reduce.test: the
# "bug" is an average pool with ceil_mode in a program that pool-to-llvm
# lowers. Exits 1 (interesting) when both hold, 0 otherwise.
pool-opt "$1" --pool-to-llvm -o /dev/null 2>/dev/null || exit 0
grep -q 'pool.avg.*ceil_mode = true' "$1" && exit 1
exit 0
