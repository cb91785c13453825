# frozen_string_literal: true

namespace :decidim_dialogd do
  desc "Installs decidim-dialogd: writes config/initializers/decidim_dialogd.rb (timeouts, retries, cache)"
  task install: :environment do
    path = Rails.root.join("config/initializers/decidim_dialogd.rb")
    if File.exist?(path)
      puts "#{path} exists; left as it is."
    else
      File.write(path, <<~RUBY)
        # frozen_string_literal: true

        # decidim-dialogd: how this site talks to dialogd. The link from each process to its dialogue
        # (dialogd's address, the dialogue, the keys) is set in the admin, on the component's page.
        Decidim::Dialogd.configure do |config|
          config.open_timeout = 2      # seconds to connect
          config.read_timeout = 5      # seconds to wait for an answer
          config.retries = 2           # retries of a failed call (POSTs keep their Idempotency-Key)
          config.cache_expires_in = 60 # seconds a page keeps dialogd's public reads
        end
      RUBY
      puts "Wrote #{path}."
    end
    puts "decidim-dialogd needs no migration. Restart the application, add the component " \
         "\"#{I18n.t('decidim.components.dialogd.name', locale: :en)}\" to a process and link it to its dialogue."
  end

  desc "Checks every dialogd component: dialogd answers and its dialogue exists"
  task check: :environment do
    Decidim::Component.where(manifest_name: "dialogd").find_each do |component|
      connection = Decidim::Dialogd::ConnectionStore.new(component).load
      next puts("component #{component.id}: not linked") unless connection.configured?

      dialogue = connection.public_client(**Decidim::Dialogd.client_options).dialogue(connection.dialogue_id)
      puts "component #{component.id}: #{dialogue['title']} (#{dialogue['state']}), source #{connection.source_id || 'none'}"
    rescue Decidim::Dialogd::Error => e
      puts "component #{component.id}: #{e.message}"
    end
  end
end
