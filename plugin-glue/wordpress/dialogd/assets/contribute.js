/* Sends the site's contribution form to the WordPress REST route (never to dialogd directly). */
( function () {
	'use strict';
	var cfg = window.dialogdContribute;
	if ( ! cfg ) { return; }
	function key() {
		if ( window.crypto && window.crypto.randomUUID ) { return window.crypto.randomUUID(); }
		return String( Date.now() ) + '-' + Math.random().toString( 16 ).slice( 2 );
	}
	document.querySelectorAll( 'form.dialogd-contribute-form' ).forEach( function ( form ) {
		var idem = key();
		form.addEventListener( 'submit', function ( ev ) {
			ev.preventDefault();
			var out = form.querySelector( '.dialogd-result' );
			var text = form.querySelector( 'textarea[name="text"]' ).value;
			out.textContent = cfg.sending;
			var headers = { 'Content-Type': 'application/json', 'Idempotency-Key': idem, 'X-Dialogd-Nonce': cfg.nonce };
			if ( cfg.restNonce ) { headers[ 'X-WP-Nonce' ] = cfg.restNonce; }
			fetch( cfg.endpoint, {
				method: 'POST',
				credentials: 'same-origin',
				headers: headers,
				body: JSON.stringify( { dialogue: form.dataset.dialogue, text: text, channel: 'web', lang: form.dataset.lang } )
			} ).then( function ( res ) {
				return res.json().then( function ( body ) { return { ok: res.ok, body: body }; } );
			} ).then( function ( r ) {
				if ( r.ok ) {
					out.textContent = cfg.thanks.replace( '%s', r.body.receipt || '' );
					form.querySelector( 'textarea' ).value = '';
					idem = key();
				} else {
					var msgs = [ r.body.message || cfg.failed ];
					( ( r.body.data && r.body.data.errors ) || [] ).forEach( function ( e ) { msgs.push( e.message ); } );
					out.textContent = msgs.join( ' ' );
				}
			} ).catch( function () { out.textContent = cfg.failed; } );
		} );
	} );
} )();
