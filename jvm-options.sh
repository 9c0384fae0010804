# Sourced by ./quire and the bench/ scripts: the JVM options Quire runs with unless the user's options say otherwise.
#
# The parallel collector, not the JVM's default G1: Quire's embedded H2 keeps a page cache that turns over tens of MB
# per second while editing, and G1 paid for those medium-lived pages with 60-320 ms young pauses every second and
# ~40% more CPU per edit (bench/README.md "Round 5": 0.33 ms of CPU per edit and p99 8 ms with it, 0.44-0.83 ms and
# 11-17 ms with G1). A user's QUIRE_JAVA_OPTS that picks a collector (-XX:+Use...GC) keeps it.

# Prints the default options missing from the options given as $1.
quire_jvm_defaults() {
  case " ${1:-} " in
    *" -XX:+Use"*"GC "*) ;;
    *) printf '%s' '-XX:+UseParallelGC' ;;
  esac
}
