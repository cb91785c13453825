<?php
/**
 * Router for `php -S` serving Debian's /usr/share/wordpress: files under /wp-content/ come from
 * the test's WP_CONTENT_DIR, existing files are served as they are, everything else goes to index.php.
 */
$dialogd_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( str_contains( $dialogd_path, '..' ) ) {
	http_response_code( 400 );
	return true;
}
if ( str_starts_with( $dialogd_path, '/wp-content/' ) ) {
	$file = getenv( 'WP_TEST_CONTENT' ) . substr( $dialogd_path, strlen( '/wp-content' ) );
	if ( is_file( $file ) && ! str_ends_with( $file, '.php' ) ) {
		$types = array( 'js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'png' => 'image/png', 'svg' => 'image/svg+xml' );
		$ext   = pathinfo( $file, PATHINFO_EXTENSION );
		header( 'Content-Type: ' . ( $types[ $ext ] ?? 'application/octet-stream' ) );
		readfile( $file );
		return true;
	}
	http_response_code( 404 );
	return true;
}
$full = '/usr/share/wordpress' . $dialogd_path;
if ( is_file( $full ) || ( is_dir( $full ) && is_file( rtrim( $full, '/' ) . '/index.php' ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = '/usr/share/wordpress/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( '/usr/share/wordpress' );
require '/usr/share/wordpress/index.php';
