// Everything a problem's driver needs from the harness.
#pragma once

#include "cj/case_params.hpp"
#include "cj/first_failure.hpp"
#include "cj/problem.hpp"
#include "cj/sequence.hpp"
#include "cj/transcript.hpp"
