# frozen_string_literal: true

module Decidim
  module Dialogd
    VERSION = "0.1.0"
    # The Decidim versions this module is written for (0.31's API where it differs).
    DECIDIM_VERSION = [">= 0.27", "< 0.32"].freeze
  end
end
