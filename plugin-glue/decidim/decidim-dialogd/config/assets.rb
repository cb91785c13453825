# frozen_string_literal: true

# Read by Decidim's Webpacker/Shakapacker set-up (0.27 and later): the icon and the stylesheet of the
# server-rendered dialogue block.
base_path = File.expand_path("..", __dir__)

Decidim::Webpacker.register_path("#{base_path}/app/packs")
Decidim::Webpacker.register_entrypoints(
  decidim_dialogd: "#{base_path}/app/packs/entrypoints/decidim_dialogd.js"
)
