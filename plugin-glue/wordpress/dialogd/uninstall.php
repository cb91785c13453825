<?php
/**
 * Removes the plugin's options and cached answers when the plugin is deleted.
 *
 * @package dialogd
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

foreach ( array( 'dialogd_url', 'dialogd_portal_key', 'dialogd_widget_key' ) as $dialogd_option ) {
	delete_option( $dialogd_option );
}
delete_transient( 'dialogd_overdue' );
global $wpdb;
// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transients with hashed names have no API to list them.
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_dialogd\\_%' OR option_name LIKE '\\_transient\\_timeout\\_dialogd\\_%'" );
