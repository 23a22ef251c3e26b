// The prelude of a submission that names Boost: the standard library prelude plus Boost.Thread,
// so that a pasted answer using boost::thread or boost::mutex compiles unchanged. Precompiled
// once per build flavour, under the same name as prelude.hpp (the judge puts one of the two on
// the include path).
#include <bits/stdc++.h>

#include <boost/thread.hpp>
using namespace std;
