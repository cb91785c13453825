<?php
/**
 * Installs WordPress into the throw-away database, activates the test theme and the plugin,
 * and makes the users the tests need. Run inside the test's mount namespace.
 */
$_SERVER['HTTP_HOST']   = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install( 'Kommunen', 'admin', 'admin@example.se', false, '', getenv( 'WP_TEST_ADMIN_PASS' ), 'sv_SE' );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, $result->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'WPLANG', 'sv_SE' );
switch_theme( 'dialogd-test' );
$activated = activate_plugin( 'dialogd/dialogd.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
wp_insert_user( array( 'user_login' => 'besokare', 'user_pass' => getenv( 'WP_TEST_ADMIN_PASS' ), 'user_email' => 'besokare@example.se', 'role' => 'subscriber' ) );
wp_insert_user( array( 'user_login' => 'redaktor', 'user_pass' => getenv( 'WP_TEST_ADMIN_PASS' ), 'user_email' => 'redaktor@example.se', 'role' => 'editor' ) );
echo "installed\n";
