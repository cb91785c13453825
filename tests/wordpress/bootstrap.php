<?php
/**
 * PHPUnit bootstrap: loads the real WordPress of the test step (same throw-away database),
 * with the dialogd plugin active. The wp-config.php override constant for the widget key is set
 * here to check that constants win over options.
 */
$_SERVER['HTTP_HOST']   = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '192.0.2.10';
// PHPUnit includes this file inside a method: WordPress's file-scope variables must be global.
// phpcs:ignore
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories, $wp_embed, $wp_locale, $wp_version, $wp_db_version, $table_prefix, $wp_filter, $wp_actions, $wp_current_filter, $allowedposttags, $allowedtags, $allowedentitynames, $wp_plugin_paths, $wp_roles, $wp_query, $wp_the_query, $wp_widget_factory, $wp_scripts, $wp_styles, $wp_meta_boxes, $wp_locale_switcher, $wp_textdomain_registry;
define( 'DIALOGD_WIDGET_KEY', 'widget-key-from-wp-config' );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/unit/DialogdTestCase.php';
