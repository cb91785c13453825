/* dialogd block editor script: plain JS on the wp.* globals, no build step. */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var TextControl = wp.components.TextControl;
	var ServerSideRender = wp.serverSideRender;

	wp.blocks.registerBlockType( 'dialogd/widget', {
		edit: function ( props ) {
			var a = props.attributes;
			return el( 'div', useBlockProps(),
				el( InspectorControls, null,
					el( PanelBody, { title: __( 'Dialogue', 'dialogd' ) },
						el( SelectControl, {
							label: __( 'Widget', 'dialogd' ),
							value: a.widget,
							options: [ 'status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation' ].map( function ( w ) { return { label: w, value: w }; } ),
							onChange: function ( v ) { props.setAttributes( { widget: v } ); }
						} ),
						el( TextControl, {
							label: __( 'Dialogue id', 'dialogd' ),
							value: a.dialogue,
							onChange: function ( v ) { props.setAttributes( { dialogue: v } ); }
						} ),
						el( SelectControl, {
							label: __( 'Language', 'dialogd' ),
							value: a.lang,
							options: [ { label: __( 'Site language', 'dialogd' ), value: '' }, { label: 'Svenska', value: 'sv' }, { label: 'English', value: 'en' } ],
							onChange: function ( v ) { props.setAttributes( { lang: v } ); }
						} )
					)
				),
				ServerSideRender ? el( ServerSideRender, { block: 'dialogd/widget', attributes: a } ) : el( 'p', null, 'dialogd: ' + a.widget )
			);
		},
		save: function () { return null; }
	} );
} )( window.wp );
