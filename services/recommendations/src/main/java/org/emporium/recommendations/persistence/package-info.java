/** Snapshots of the model on local disk, so a start resumes from one instead of replaying every event. */
package org.emporium.recommendations.persistence;
