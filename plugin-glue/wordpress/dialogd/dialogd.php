<?php
/**
 * Plugin Name:       dialogd
 * Plugin URI:        https://example.org/dialogd
 * Description:       Shows and collects citizen dialogue (medborgardialog) from a dialogd service: shortcodes, a block, oEmbed, a REST route for contributions and a dashboard widget for overdue feedback.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            dialogd
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       dialogd
 * Domain Path:       /languages
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'DIALOGD_PLUGIN_FILE', __FILE__ );
define( 'DIALOGD_PLUGIN_DIR', __DIR__ );
define( 'DIALOGD_PLUGIN_VERSION', '0.1.0' );

require_once __DIR__ . '/includes/class-dialogd-client.php';
require_once __DIR__ . '/includes/functions.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/rest.php';
require_once __DIR__ . '/includes/dashboard.php';

add_action( 'init', 'dialogd_load_textdomain', 1 );
add_action( 'init', 'dialogd_register_shortcodes' );
add_action( 'init', 'dialogd_register_block' );
add_action( 'init', 'dialogd_register_oembed' );
add_action( 'rest_api_init', 'dialogd_register_rest_routes' );
add_action( 'admin_menu', 'dialogd_admin_menu' );
add_action( 'admin_init', 'dialogd_register_settings' );
add_action( 'admin_post_dialogd_test_connection', 'dialogd_handle_test_connection' );
add_action( 'wp_dashboard_setup', 'dialogd_dashboard_setup' );
