/**
 * The web client's home on the server: serves the built single-page application (web/, packaged
 * into the jar's static resources) and answers its page addresses with its entry page, so links
 * and reloads work on every screen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web client")
package io.atrium.webclient;
