# frozen_string_literal: true

module Decidim
  module Dialogd
    module Admin
      # The component's admin controllers.
      class ApplicationController < Decidim::Admin::Components::BaseController
      end
    end
  end
end
