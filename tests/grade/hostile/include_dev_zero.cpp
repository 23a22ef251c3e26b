// expect: compile_error
// hostile: makes the compiler read without end; the compile's own limits stop it.
#include "/dev/zero"
class Foo {};
