# frozen_string_literal: true

module Decidim
  module Dialogd
    module Admin
      # The connection form. Keys are write-only: the form never shows a stored key, and a blank key
      # keeps the stored one (Connection#merge_secrets_from).
      class ConnectionForm < Decidim::Form
        attribute :dialogd_url, String
        attribute :dialogue_id, String
        attribute :editor_key, String
        attribute :portal_key, String
        attribute :decidim_api_key, String
        attribute :decidim_api_secret, String

        # Validation is Connection#errors (run by UpdateConnection through SaveConnection): a blank key
        # is valid here when a key is stored, which only the stored connection knows.

        def connection_attributes
          {
            dialogd_url: dialogd_url, dialogue_id: dialogue_id, editor_key: editor_key, portal_key: portal_key,
            decidim_api_key: decidim_api_key, decidim_api_secret: decidim_api_secret
          }
        end
      end
    end
  end
end
