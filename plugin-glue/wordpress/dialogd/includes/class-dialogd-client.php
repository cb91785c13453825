<?php
/**
 * A small HTTP client for dialogd's JSON API, built on the WordPress HTTP API.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Talks to one dialogd service. Secrets stay on the server: the key is only ever sent to dialogd.
 */
class Dialogd_Client {

	/** @var string Base URL without trailing slash. */
	private string $base;

	/** @var string Bearer key (may be empty for public reads). */
	private string $key;

	/**
	 * @param string $base dialogd's URL.
	 * @param string $key  API key, or '' for public reads.
	 */
	public function __construct( string $base, string $key = '' ) {
		$this->base = untrailingslashit( $base );
		$this->key  = $key;
	}

	/**
	 * Performs a request and decodes the JSON answer.
	 *
	 * @param string     $method  HTTP method.
	 * @param string     $path    Path starting with '/'.
	 * @param array|null $body    JSON body.
	 * @param array      $headers Extra headers.
	 * @return array{status:int,body:mixed,error:string}
	 */
	public function request( string $method, string $path, ?array $body = null, array $headers = array() ): array {
		if ( '' === $this->base ) {
			return array( 'status' => 0, 'body' => null, 'error' => 'not_configured' );
		}
		$headers['Accept'] = 'application/json, application/problem+json';
		if ( '' !== $this->key ) {
			$headers['Authorization'] = 'Bearer ' . $this->key;
		}
		$args = array(
			'method'      => $method,
			'timeout'     => 5,
			'redirection' => 0,
			'headers'     => $headers,
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = wp_json_encode( $body );
		}
		$response = wp_remote_request( $this->base . $path, $args );
		if ( is_wp_error( $response ) ) {
			return array( 'status' => 0, 'body' => null, 'error' => $response->get_error_message() );
		}
		$raw = wp_remote_retrieve_body( $response );
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'body'   => '' === $raw ? null : json_decode( $raw, true ),
			'error'  => '',
		);
	}

	/**
	 * GET with a short transient cache (public reads only).
	 *
	 * @param string $path Path.
	 * @param int    $ttl  Seconds to cache a successful answer.
	 * @return array{status:int,body:mixed,error:string}
	 */
	public function get_cached( string $path, int $ttl = 60 ): array {
		$cache_key = 'dialogd_' . md5( $this->base . '|' . $path );
		$cached    = get_transient( $cache_key );
		if ( is_array( $cached ) ) {
			return $cached;
		}
		$answer = $this->request( 'GET', $path );
		if ( 200 === $answer['status'] && $ttl > 0 ) {
			set_transient( $cache_key, $answer, $ttl );
		}
		return $answer;
	}
}
