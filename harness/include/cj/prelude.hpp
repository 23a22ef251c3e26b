// The prelude every submission is compiled after, as on LeetCode: the whole standard library and
// `using namespace std;`. Precompiled once per build flavour. A submission that names Boost gets
// prelude_boost.hpp instead (the judge picks it), so the others do not pay for loading Boost.
#include <bits/stdc++.h>
using namespace std;
