# frozen_string_literal: true

require_relative "admin"

module Decidim
  module Dialogd
    # The component's admin side, mounted by Decidim at the component's "manage" page: the form that
    # links the process to its dialogue in dialogd.
    class AdminEngine < ::Rails::Engine
      isolate_namespace Decidim::Dialogd::Admin

      paths["db/migrate"] = nil
      paths["lib/tasks"] = nil

      routes do
        resource :connection, only: %i[edit update]
        root to: "connections#edit"
      end

      def load_seed
        nil
      end
    end
  end
end
