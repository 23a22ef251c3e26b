// Everything a problem's driver needs from the harness.
#pragma once

#include "cj/problem.hpp"
#include "cj/sequence.hpp"
#include "cj/transcript.hpp"
