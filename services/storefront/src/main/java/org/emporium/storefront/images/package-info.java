/** Generated placeholder product images, so every product has a picture without an image store. */
package org.emporium.storefront.images;
