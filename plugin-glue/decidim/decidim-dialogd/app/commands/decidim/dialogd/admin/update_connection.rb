# frozen_string_literal: true

module Decidim
  module Dialogd
    module Admin
      # Saves the connection form through SaveConnection (plain Ruby, tested against dialogd) and
      # broadcasts :ok, :unsupported, :invalid or :unavailable.
      class UpdateConnection < Decidim::Command
        def initialize(form, component, decidim_url)
          @form = form
          @component = component
          @decidim_url = decidim_url
        end

        def call
          return broadcast(:invalid) if @form.invalid?

          result = SaveConnection.new(
            store: ConnectionStore.new(@component), decidim_url: @decidim_url,
            process_id: @component.participatory_space_id, component_id: @component.id,
            client_options: Dialogd.client_options
          ).call(@form.connection_attributes)
          result.errors.each do |field, key|
            @form.errors.add(field.to_sym, I18n.t("decidim.dialogd.admin.errors.#{key}", default: key.to_s))
          end
          broadcast(result.status, result.source)
        end
      end
    end
  end
end
