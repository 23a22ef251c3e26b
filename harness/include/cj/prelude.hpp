// The prelude every submission is compiled after, as on LeetCode: the whole standard library and
// `using namespace std;`. Boost.Thread is included too so that a submission that includes it pays
// nothing extra: this header is precompiled once per build flavour.
#include <bits/stdc++.h>

#include <boost/thread.hpp>
using namespace std;
