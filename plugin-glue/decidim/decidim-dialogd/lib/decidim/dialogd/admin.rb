# frozen_string_literal: true

module Decidim
  module Dialogd
    # The namespace of the component's admin side (Decidim::Dialogd::AdminEngine).
    module Admin
    end
  end
end
