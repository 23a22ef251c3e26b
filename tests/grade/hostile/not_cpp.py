# expect: compile_error
# hostile: a Python answer handed in to a C++ grader.
class Foo:
    def first(self, printFirst):
        printFirst()
