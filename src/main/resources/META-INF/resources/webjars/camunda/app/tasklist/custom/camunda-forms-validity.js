/*
 * Tasklist 7.24 keeps "Complete" disabled for a Camunda Form with a dynamic list.
 *
 * On every change form-js stores a field's errors under [field id, row index] and removes the
 * leaf when there is none, which leaves an empty entry ({"Field_StockCartons": []}) for every
 * field inside a list. Tasklist's Camunda Forms directive counts the keys of that map
 * (Object.keys(errors).length) and so believes the form is invalid from the moment it is shown.
 * On Complete, Tasklist validates again with form-js's validate(), which lists real errors only,
 * shows them at the fields and refuses to complete. This decorator therefore ignores the
 * per-change count: Complete is enabled and validation happens when it is clicked.
 */
window.angular.module('cam.tasklist.form').config(['$provide', function ($provide) {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope, element, attrs, formController) {
        const controller = Object.create(formController);
        controller.notifyFormValidated = function () {
          formController.notifyFormValidated(false);
        };
        controller.notifyFormInitializationFailed = function (error) {
          formController.notifyFormInitializationFailed(error);
        };
        return link.call(this, scope, element, attrs, controller);
      };
    };
    return $delegate;
  }]);
}]);

export default [];
