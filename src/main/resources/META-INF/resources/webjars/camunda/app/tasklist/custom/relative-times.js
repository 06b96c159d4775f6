/*
 * Relative times ("22 days ago") in the language of the page.
 *
 * Tasklist shows due and follow-up dates of the task list as relative times (angular-moment's
 * am-time-ago). The dates' language (dateLocales of zh.json) is set when the translation file has
 * loaded, after the first list is drawn; angular-moment redraws a time only on its own timer
 * (hourly for times days away) or when told the locale changed. This tells it once the page's
 * language is in place, so 「22 天前」 shows at once instead of "22 days ago" for an hour.
 */
window.angular.module('cam.tasklist.form').run(['$rootScope', function ($rootScope) {
  $rootScope.$on('$translateChangeSuccess', function () {
    $rootScope.$broadcast('amMoment:localeChanged');
  });
}]);

export default [];
