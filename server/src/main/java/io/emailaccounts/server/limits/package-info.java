/**
 * The rate limits' buckets, in memory or shared by replicas through the database, and the failure a refused request
 * gets.
 */
@MayUse({})
package io.emailaccounts.server.limits;

import io.emailaccounts.server.MayUse;
