# frozen_string_literal: true

module Decidim
  module Dialogd
    # The component's page: the process's dialogue, read from dialogd.
    class DialoguesController < Dialogd::ApplicationController
      def show
        return render :not_configured unless connection.configured?

        @view = dialogue_view
        @options = dialogue_options(receipt_code: flash[:dialogd_receipt])
      end
    end
  end
end
