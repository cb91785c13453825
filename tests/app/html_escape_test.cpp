// The public page writes citizens' and officials' texts into HTML: nothing may open markup.
#include <gtest/gtest.h>

#include "support/html.hpp"

namespace dialogd::support {
namespace {

TEST(HtmlEscape, EveryMarkupCharacterIsEscaped) {
  EXPECT_EQ(html_escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  EXPECT_EQ(html_escape("Vård i Jokkmokk"), "Vård i Jokkmokk");
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("a\x01"
                        "b\tc"),
            "ab\tc")
      << "controls XML forbids are dropped";
}

}  // namespace
}  // namespace dialogd::support
