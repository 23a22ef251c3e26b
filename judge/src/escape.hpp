// Text made safe inside HTML, SVG and XML (the JUnit report), as element text or an attribute.
#pragma once

#include <string>

namespace cj {

/// & < > " ' escaped; control characters other than tab and line breaks, which XML 1.0 forbids
/// even escaped, become '?'.
std::string html_escape(const std::string& s);

}  // namespace cj
